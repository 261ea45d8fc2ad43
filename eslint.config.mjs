import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers of ../shared/ARCHITECTURE.md, enforced: a violation is a lint error, not a review note.
const prismaClient = { group: ["@/lib/generated/*", "@/lib/generated/**", "@prisma/*", "pg"], message: "Only lib/data talks to the database." };
const dataLayer = { group: ["@/lib/data/*"], message: "Go through lib/services (writes) or receive data as props." };
const frameworks = { group: ["next", "next/*", "react", "react-dom", "react/*"], message: "The pure core does not depend on Next.js or React." };
const upperLayers = { group: ["@/lib/services/*", "@/lib/auth/*", "@/lib/i18n/get-locale", "@/app/*", "@/components/*"], message: "The pure core does not import the layers above it." };

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["node_modules/**", ".next/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    files: ["lib/scoring/**", "lib/ranking/**", "lib/review/**", "lib/sipas/**", "lib/domain/**", "lib/results-package/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaClient, dataLayer, frameworks, upperLayers] }] },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaClient, dataLayer, { group: ["@/lib/services/*"], message: "Components receive data as props." }] }] },
  },
  {
    files: ["app/**", "lib/services/**", "lib/auth/**", "lib/i18n/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaClient] }] },
  },
];

export default config;
