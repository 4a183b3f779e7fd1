# bash completion for gol (installed by make install as share/bash-completion/completions/gol)
_gol() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} i word have_cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in run|check|vet|disasm|trace|version|help) have_cmd=$word ;; esac
    done
    case $prev in -seed|--seed) return ;; -o|--o) COMPREPLY=($(compgen -f -- "$cur")); return ;; esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '-seed -o -all -version -help' -- "$cur"))
        return
    fi
    if [[ -z $have_cmd ]]; then
        COMPREPLY=($(compgen -W 'run check vet disasm trace version help' -- "$cur"))
    fi
    COMPREPLY+=($(compgen -f -X '!*.@(go|gol)' -- "$cur") $(compgen -d -- "$cur"))
}
complete -o filenames -F _gol gol
