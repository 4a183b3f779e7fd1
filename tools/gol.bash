# bash completion for gol (installed by make install as share/bash-completion/completions/gol)
_gol() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} i word have_cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in run|check|vet|test|disasm|trace|explore|version|help) have_cmd=$word ;; esac
    done
    case $prev in -seed|--seed|-schedule|--schedule|-bound|--bound|-max|--max|-timeout|--timeout) return ;; -o|--o) COMPREPLY=($(compgen -f -- "$cur")); return ;; esac
    if [[ $have_cmd == test ]]; then
        case $prev in -run|-skip|-bench|-benchtime|-count|-timeout|-cpu|-shuffle|-parallel|-list) return ;; esac
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '-v -run -skip -bench -benchtime -benchmem -count -failfast
                -short -timeout -shuffle -cpu -parallel -list' -- "$cur"))
        else
            COMPREPLY=($(compgen -W './...' -- "$cur") $(compgen -d -- "$cur"))
        fi
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W '-seed -race -o -all -schedule -bound -max -timeout -json -version -help' -- "$cur"))
        return
    fi
    if [[ -z $have_cmd ]]; then
        COMPREPLY=($(compgen -W 'run check vet test disasm trace explore version help' -- "$cur"))
    fi
    COMPREPLY+=($(compgen -f -X '!*.@(go|gol)' -- "$cur") $(compgen -d -- "$cur"))
}
complete -o filenames -F _gol gol
