package cli

import (
	"fmt"
	"io"
	"strings"
)

// groupCommands returns the commands whose first word is group ("import"
// → import article, import imdb, …), in help order.
func groupCommands(group string) []command {
	var out []command
	for _, c := range commands {
		if strings.HasPrefix(c.name, group+" ") {
			out = append(out, c)
		}
	}
	return out
}

// runGroup answers "marquee GROUP", "marquee GROUP --help" and "marquee
// GROUP nonsense" for a group of two-word commands: it lists the group's
// subcommands. ok is false when args[0] names no group.
func runGroup(args []string, w, errw io.Writer) (code int, ok bool) {
	cmds := groupCommands(args[0])
	if len(cmds) == 0 {
		return 0, false
	}
	help := len(args) > 1 && (args[1] == "-h" || args[1] == "--help" || args[1] == "help")
	out := w
	if !help {
		out = errw
		if len(args) > 1 {
			fmt.Fprintf(errw, "marquee %s: unknown subcommand %q\n\n", args[0], args[1])
		}
	}
	fmt.Fprintf(out, "Usage: marquee %s SUBCOMMAND [flags] [arguments]\n\nSubcommands:\n", args[0])
	width := 0
	for _, c := range cmds {
		width = max(width, len(c.name)+1+len(c.args))
	}
	for _, c := range cmds {
		fmt.Fprintf(out, "  %-*s  %s\n", width, c.name+" "+c.args, c.summary)
	}
	fmt.Fprintf(out, "\nRun 'marquee %s SUBCOMMAND --help' for its flags.\n", args[0])
	if help {
		return 0, true
	}
	return 2, true
}
