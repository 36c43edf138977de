/**
 * The `uses:` lines of a workflow or action file that are not pinned: every action from another
 * repository must name a full 40-hex commit and say its version in a comment (`# v4.2.2`), so an
 * update is a reviewed change and a moved tag changes nothing. Local actions (`./`) are exempt.
 */
export function unpinnedUses(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^\s*(?:-\s+)?uses:/.test(line))
    .filter((line) => {
      const ref = /uses:\s*['"]?([^\s'"#]+)/.exec(line)?.[1] ?? '';
      if (ref.startsWith('./')) return false;
      return !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}['"]?\s+#\s*v\d+\.\d+\.\d+\s*$/.test(line.replace(/^\s*(?:-\s+)?uses:\s*/, ''));
    })
    .map((line) => line.trim());
}
