/**
 * Where to go after signing in: only a console path of this site, so a crafted link cannot send
 * a freshly signed-in user elsewhere.
 */
export function consoleReturnPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !/^\/console(?:[/?#]|$)/.test(path) || path.startsWith("/console/sign-in") || /[\\\s]/.test(path)) return "/console";
  return path;
}
