import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The TrueType fonts of the printed posters: Inter (SIL Open Font License, from the npm package
 * @expo-google-fonts/inter), which has every Vietnamese letter with its diacritics. Read from
 * node_modules under the working directory: every server of the portal runs from the project
 * root, and bundled code has no meaningful location of its own. Read once per process.
 */
const FONT_DIRECTORY = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "inter");

let cached: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;

export function loadPosterFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  cached ??= Promise.all([
    readFile(path.join(FONT_DIRECTORY, "400Regular", "Inter_400Regular.ttf")),
    readFile(path.join(FONT_DIRECTORY, "700Bold", "Inter_700Bold.ttf")),
  ])
    .then(([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }))
    .catch((error: unknown) => {
      cached = null;
      throw error;
    });
  return cached;
}
