// Shell completion scripts (bash, zsh, fish) from a description of the command line. Values
// that depend on the plan (departments, task ids) are asked of `plan __complete` as you type.

/**
 * Values from `plan __complete <plan>`; `pairs` for the `key=` halves of `key=value` words, which
 * take no space after them and leave the value to be typed.
 */
export interface PlanValues {
  kind: 'plan';
  plan: string;
  pairs?: true;
}

/** What a value completes to. */
export type Values = { kind: 'choices'; choices: readonly string[] } | PlanValues | { kind: 'files' | 'commands' | 'free' };

export interface OptionSpec {
  flags: string[];
  description: string;
  /** Absent for a flag that takes no value. */
  values?: Values;
  /** Takes every word up to the next option (`--unset a b`): each completes to `values`. */
  variadic?: true;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  args?: Values;
}

export interface CompletionSpec {
  program: string;
  /** The hidden command that prints departments or ids, one a line. */
  helper: string;
  /** What the task ids of these commands complete to, whether or not this build has them yet. */
  idCommands: Readonly<Record<string, Values>>;
  globalOptions: OptionSpec[];
  commands: CommandSpec[];
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The completion script for `shell`, headed by a comment (`header`) that says how it was made. */
export function completionScript(shell: Shell, spec: CompletionSpec, header: string): string {
  const body = shell === 'bash' ? bash(spec) : shell === 'zsh' ? zsh(spec) : fish(spec);
  return `${shell === 'zsh' ? `#compdef ${spec.program}\n` : ''}# ${header}\n${body}`;
}

/** A word in single quotes for bash and zsh. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
/** A word in single quotes for fish, where only `\\` and `\'` are escapes. */
const fq = (s: string) => `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/** The flags that take a value, so that the value is not taken for the command. */
function valueFlags(spec: CompletionSpec): string[] {
  const all = [...spec.globalOptions, ...spec.commands.flatMap((c) => c.options)];
  return [...new Set(all.filter((o) => o.values).flatMap((o) => o.flags))];
}

/** Each command's own options (those it shares with the program left to the global list). */
function ownOptions(spec: CompletionSpec, command: CommandSpec): OptionSpec[] {
  const global = new Set(spec.globalOptions.flatMap((o) => o.flags));
  return command.options.filter((o) => !o.flags.some((f) => global.has(f)));
}

/** The commands that have options of their own. */
function withOptions(spec: CompletionSpec): CommandSpec[] {
  return spec.commands.filter((c) => ownOptions(spec, c).length);
}

/** Value options as case arms, `"<command> <flag>"` patterns first and `*" <flag>"` for global ones. */
function valueArms(spec: CompletionSpec, arm: (patterns: string[], values: Values) => string): string[] {
  const arms = spec.commands.flatMap((c) =>
    ownOptions(spec, c).flatMap((o) => (o.values ? [arm(o.flags.map((f) => `"${c.name} ${f}"`), o.values)] : [])),
  );
  return [...arms, ...spec.globalOptions.flatMap((o) => (o.values ? [arm(o.flags.map((f) => `*" ${f}"`), o.values)] : []))];
}

/** The `"<command> <flag>"` patterns of variadic value options (`*" <flag>"` for global ones). */
function variadicPatterns(spec: CompletionSpec): string[] {
  const variadic = (o: OptionSpec) => Boolean(o.values && o.variadic);
  return [
    ...spec.commands.flatMap((c) => ownOptions(spec, c).filter(variadic).flatMap((o) => o.flags.map((f) => `"${c.name} ${f}"`))),
    ...spec.globalOptions.filter(variadic).flatMap((o) => o.flags.map((f) => `*" ${f}"`)),
  ];
}

/** Commands grouped by what their arguments complete to, in a stable order. */
function argGroups(spec: CompletionSpec): { names: string[]; values: Values }[] {
  const groups = new Map<string, { names: string[]; values: Values }>();
  for (const c of spec.commands) {
    if (!c.args || c.args.kind === 'free') continue;
    const key = JSON.stringify(c.args);
    const group = groups.get(key) ?? { names: [], values: c.args };
    group.names.push(c.name);
    groups.set(key, group);
  }
  const known = new Set(spec.commands.map((c) => c.name));
  for (const [name, values] of Object.entries(spec.idCommands)) {
    if (known.has(name)) continue;
    const key = JSON.stringify(values);
    const group = groups.get(key) ?? { names: [], values };
    group.names.push(name);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function bash(spec: CompletionSpec): string {
  const p = spec.program;
  const fn = `_${p.replace(/\W/g, '_')}`;
  const reply = (v: Values): string => {
    switch (v.kind) {
      case 'choices':
        return `${fn}_reply "$cur" ${v.choices.map(sq).join(' ')}`;
      case 'plan':
        return `${v.pairs ? 'compopt -o nospace 2>/dev/null; ' : ''}${fn}_dynamic "$cur" ${sq(v.plan)}`;
      case 'files':
        return `${fn}_files "$cur"`;
      case 'commands':
        return `${fn}_reply "$cur" ${spec.commands.map((c) => sq(c.name)).join(' ')}`;
      case 'free':
        return ':';
    }
  };
  const flagsOf = (options: OptionSpec[]) => options.flatMap((o) => o.flags).join(' ');
  return `
${fn}_reply() {
  local w
  for w in "\${@:2}"; do
    [[ $w == "$1"* ]] && COMPREPLY+=("$w")
  done
}

${fn}_dynamic() {
  local i w line args=() values=()
  for (( i = 1; i < COMP_CWORD; i++ )); do
    w=\${COMP_WORDS[i]}
    case $w in
      -f|--file)
        w=\${COMP_WORDS[i+1]}
        [[ $w == = ]] && w=\${COMP_WORDS[i+2]}
        args=(--file "\${w/#\\~/$HOME}") ;;
      --file=*) args=(--file "\${w#--file=}") ;;
    esac
  done
  while IFS= read -r line; do values+=("$line"); done < <(command ${p} "\${args[@]}" ${spec.helper} "$2" 2>/dev/null)
  ${fn}_reply "$1" "\${values[@]}"
}

${fn}_files() {
  local line
  compopt -o filenames 2>/dev/null
  while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$1")
}

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd='' i
  COMPREPLY=()
  # bash splits words at \`=\`: \`--format=\` is the option's value, \`标题=\` the value of a pair (nothing to offer).
  if [[ $cur == = ]]; then
    cur=
    [[ $prev == -* ]] || return 0
  elif [[ $prev == = ]]; then
    prev=\${COMP_WORDS[COMP_CWORD-2]}
    [[ $prev == -* ]] || return 0
  fi
  for (( i = 1; i < COMP_CWORD; i++ )); do
    case \${COMP_WORDS[i]} in
      ${valueFlags(spec).join('|')})
        (( i += 1 ))
        [[ \${COMP_WORDS[i]} == = ]] && (( i += 1 )) ;;
      -*|=) ;;
      *) cmd=\${COMP_WORDS[i]}; break ;;
    esac
  done
${bashVariadic(spec)}  case "$cmd $prev" in
${valueArms(spec, (patterns, v) => `    ${patterns.join('|')}) ${v.kind === 'free' ? '' : `${reply(v)}; `}return ;;`).join('\n')}
  esac
  if [[ $cur == -* ]]; then
    case $cmd in
${withOptions(spec).map((c) => `      ${sq(c.name)}) ${fn}_reply "$cur" ${flagsOf(ownOptions(spec, c))} ;;`).join('\n')}
    esac
    ${fn}_reply "$cur" ${flagsOf(spec.globalOptions)}
    return
  fi
  case $cmd in
    '') ${reply({ kind: 'commands' })} ;;
${argGroups(spec).map((g) => `    ${g.names.map(sq).join('|')}) ${reply(g.values)} ;;`).join('\n')}
  esac
}

complete -F ${fn} ${p}
`;
}

/** bash: after a variadic option's values (\`--unset owners <Tab>\`), complete more of them. */
function bashVariadic(spec: CompletionSpec): string {
  const patterns = variadicPatterns(spec);
  if (!patterns.length) return '';
  return `  if [[ $prev != -* ]]; then
    for (( i = COMP_CWORD - 1; i > 0; i-- )); do
      case "$cmd \${COMP_WORDS[i]}" in
        ${patterns.join('|')}) prev=\${COMP_WORDS[i]}; break ;;
        *" -"*) break ;;
      esac
    done
  fi
`;
}

function zsh(spec: CompletionSpec): string {
  const p = spec.program;
  const fn = `_${p.replace(/\W/g, '_')}`;
  const described = (name: string, description: string) => sq(`${name.replace(/:/g, '\\:')}:${description}`);
  const reply = (v: Values): string => {
    switch (v.kind) {
      case 'choices':
        return `compadd -- ${v.choices.map(sq).join(' ')}`;
      case 'plan':
        return v.pairs
          ? `[[ $cur == *=* ]] || compadd -S '' -- \${(f)"$(${fn}_values ${sq(v.plan)})"}`
          : `compadd -- \${(f)"$(${fn}_values ${sq(v.plan)})"}`;
      case 'files':
        return '_files';
      case 'commands':
        return `local -a commands; commands=(${spec.commands.map((c) => described(c.name, c.description)).join(' ')}); _describe command commands`;
      case 'free':
        return ':';
    }
  };
  const options = (list: OptionSpec[]) => list.flatMap((o) => o.flags.map((f) => described(f, o.description))).join(' ');
  return `
${fn}_values() {
  local i w
  local -a args
  for (( i = 2; i < CURRENT; i++ )); do
    w=\${words[i]}
    case $w in
      (-f|--file) args=(--file "\${words[i+1]/#\\~/$HOME}") ;;
      (--file=*) args=(--file "\${w#--file=}") ;;
    esac
  done
  command ${p} $args ${spec.helper} $1 2>/dev/null
}

${fn}() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]} cmd= i
  local -a opts
  for (( i = 2; i < CURRENT; i++ )); do
    case \${words[i]} in
      (${valueFlags(spec).join('|')}) (( i += 1 )) ;;
      (-*) ;;
      (*) cmd=\${words[i]}; break ;;
    esac
  done
  if [[ $cur == -*=* ]]; then
    prev=\${cur%%=*}
    cur=\${cur#*=}
    compset -P '*='
  fi
${zshVariadic(spec)}  case "$cmd $prev" in
${valueArms(spec, (patterns, v) => `    (${patterns.join('|')}) ${v.kind === 'free' ? '' : `${reply(v)}; `}return ;;`).join('\n')}
  esac
  if [[ $cur == -* ]]; then
    case $cmd in
${withOptions(spec).map((c) => `      (${sq(c.name)}) opts=(${options(ownOptions(spec, c))}) ;;`).join('\n')}
    esac
    opts+=(${options(spec.globalOptions)})
    _describe option opts
    return
  fi
  case $cmd in
    ('') ${reply({ kind: 'commands' })} ;;
${argGroups(spec).map((g) => `    (${g.names.map(sq).join('|')}) ${reply(g.values)} ;;`).join('\n')}
  esac
}

if [[ \${funcstack[1]} == ${fn} ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${p}
fi
`;
}

/** zsh: after a variadic option's values (\`--unset owners <Tab>\`), complete more of them. */
function zshVariadic(spec: CompletionSpec): string {
  const patterns = variadicPatterns(spec);
  if (!patterns.length) return '';
  return `  if [[ $prev != -* ]]; then
    for (( i = CURRENT - 1; i > 1; i-- )); do
      case "$cmd \${words[i]}" in
        (${patterns.join('|')}) prev=\${words[i]}; break ;;
        (*' -'*) break ;;
      esac
    done
  fi
`;
}

function fish(spec: CompletionSpec): string {
  const p = spec.program;
  const fn = `__${p.replace(/\W/g, '_')}`;
  const values = (v: Values): string => {
    switch (v.kind) {
      case 'choices':
        return `-x -a ${fq(v.choices.join(' '))}`;
      case 'plan':
        return `-x -a ${fq(`(${fn}_${v.pairs ? 'pairs' : 'values'} ${v.plan})`)}`;
      case 'files':
        return '-r -F';
      case 'commands':
        return `-x -a ${fq(spec.commands.map((c) => c.name).join(' '))}`;
      case 'free':
        return '-x';
    }
  };
  const option = (o: OptionSpec, condition = '') => {
    const flags = o.flags.map((f) => (f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`)).join(' ');
    return `complete -c ${p}${condition} ${flags}${o.values ? ` ${values(o.values)}` : ''} -d ${fq(o.description)}`;
  };
  const using = (names: string[], and = '') => ` -n ${fq(`${fn}_using ${names.join(' ')}${and}`)}`;
  const variadic = (c: CommandSpec) => ownOptions(spec, c).filter((o) => o.values && o.variadic);
  const variadicFlags = (names: string[]) => [...new Set(spec.commands.filter((c) => names.includes(c.name)).flatMap((c) => variadic(c).flatMap((o) => o.flags)))];
  // An argument is not completed where a variadic option's values go on (`--unset owners <Tab>`).
  const argCondition = (names: string[]) => {
    const flags = variadicFlags(names);
    return using(names, flags.length ? `; and not ${fn}_variadic ${flags.join(' ')}` : '');
  };
  const argValues = (v: Values) => values(v).replace(/^-[rx] /, '');
  return `
function ${fn}_command --description 'The command on the line being completed'
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l skip 0
    for t in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        switch $t
            case ${valueFlags(spec).join(' ')}
                set skip 1
            case '-*'
            case '*'
                echo $t
                return 0
        end
    end
    return 1
end

function ${fn}_needs_command
    not ${fn}_command >/dev/null
end

function ${fn}_using
    set -l cmd (${fn}_command)
    and contains -- $cmd $argv
end

function ${fn}_values
    set -l tokens (commandline -opc)
    set -l args
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case -f --file
                if test $i -lt (count $tokens)
                    set args --file $tokens[(math $i + 1)]
                end
            case '--file=*'
                set args $tokens[$i]
        end
    end
    command ${p} $args ${spec.helper} $argv 2>/dev/null
end

function ${fn}_pairs --description 'The key= halves of key=value words; nothing once the key is typed'
    string match -q -- '*=*' (commandline -ct)
    or ${fn}_values $argv
end

function ${fn}_variadic --description 'True after a value of one of the options named'
    set -l tokens (commandline -opc)
    set -l n (count $tokens)
    for i in (seq $n -1 2)
        if string match -q -- '-*' $tokens[$i]
            if test $i -lt $n; and contains -- $tokens[$i] $argv
                return 0
            end
            return 1
        end
    end
    return 1
end

complete -c ${p} -f
${spec.commands.map((c) => `complete -c ${p} -n ${fn}_needs_command -a ${fq(c.name)} -d ${fq(c.description)}`).join('\n')}
${spec.globalOptions.map((o) => option(o)).join('\n')}
${spec.commands.flatMap((c) => ownOptions(spec, c).map((o) => option(o, using([c.name])))).join('\n')}
${argGroups(spec).map((g) => `complete -c ${p}${argCondition(g.names)} ${argValues(g.values)}`).join('\n')}
${spec.commands.flatMap((c) => variadic(c).filter((o) => o.values!.kind !== 'free').map((o) => `complete -c ${p}${using([c.name], `; and ${fn}_variadic ${o.flags.join(' ')}`)} ${argValues(o.values!)}`)).join('\n')}
`;
}
