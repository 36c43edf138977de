/** The output formats of `plan validate`: the one list the option (cli.ts) and the command both use. */
export const VALIDATE_FORMATS = ['text', 'json', 'codequality'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];
