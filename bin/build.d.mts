// Types for the parts of bin/build.mjs that tests use.
export function asciiOnly(js: string): string;
