// Package cli is Marquee's command line: one file per command, every
// command listed in commands below. Commands take their flags before
// their arguments, read the database from --db or MARQUEE_DB, print
// machine-readable output with --json where they print results, and
// return an error that Main turns into a message and a non-zero exit.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"marquee/internal/config"
	"marquee/internal/store"
)

// IO is where a command reads and writes; tests substitute buffers.
type IO struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Getenv func(string) string
	IsTTY  bool // whether Err is a terminal (progress bars, log format)
}

// Stdio returns the process's standard streams.
func Stdio() IO {
	return IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Getenv: os.Getenv, IsTTY: isTerminal(os.Stderr)}
}

// command is one subcommand. Names may have two words ("import imdb").
type command struct {
	name    string
	args    string // usage of positional arguments
	summary string
	run     func(ctx context.Context, c *cmdContext) error
}

// commands is every command Marquee has, in help order.
var commands = []command{
	{"serve", "", "run the web site and JSON API", runServe},
	{"search", "QUERY", "search films, people, characters, themes and dossiers", runSearch},
	{"import article", "FILE...", "parse film articles into dossiers and file them under their films", runImportArticle},
	{"import imdb", "DIR", "import IMDb's datasets (.tsv.gz or .tsv) from DIR", runImportIMDb},
	{"import movielens", "DIR", "import a MovieLens directory (movies, ratings, tags, links)", runImportMovieLens},
	{"import letterboxd", "ZIP|DIR", "import a member's Letterboxd export (watched, ratings, diary, reviews, watchlist)", runImportLetterboxd},
	{"import boxoffice", "FILE", "import a box-office table (JSON array or CSV; --map names its columns)", runImportBoxOffice},
	{"import nfo", "DIR", "import a Kodi/Jellyfin/Emby movie library: movie.nfo files with their posters and backdrops, person.nfo files with biographies", runImportNFO},
	{"import images", "DIR", "import posters, backdrops and headshots named by IMDb id or slug (tt…-poster.jpg, sean-baker.jpg)", runImportImages},
	{"similar", "SLUG", "print a film's similar films and why", runSimilar},
	{"recommend", "", "recommend films to a person (--user NAME or ml:ID) from their ratings", runRecommend},
	{"recommend build", "", "recompute every film's similar list from credits, themes, tags and ratings", runRecommendBuild},
	{"eval recommend", "DIR", "measure recommenders on MovieLens ratings (Recall@10, NDCG@10, full ranking)", runEvalRecommend},
	{"import awards", "FILE", "import award nominations and wins (CSV or JSON; format in docs/awards.md), all or nothing", runImportAwards},
	{"themes list", "", "list the theme vocabulary, most films first", runThemesList},
	{"themes rename", "SLUG NAME", "rename a theme (its address stays)", runThemesRename},
	{"themes merge", "FROM INTO", "fold one theme into another; refused if it would make a cycle or an empty theme", runThemesMerge},
	{"themes split", "SLUG NAME", "move --films of a theme to a new theme NAME; refused if either would be empty", runThemesSplit},
	{"knowledge refresh", "[SLUG...]", "recompute theme strengths, the theme graph and generated answers (all films, or those named)", runKnowledgeRefresh},
	{"import member-letterboxd", "ZIP|DIR", "import a Letterboxd export into a Marquee member's account (--user NAME)", runImportMemberLetterboxd},
	{"import member-imdb", "FILE", "import IMDb's \"Your ratings\" (or --watchlist) CSV into a member's account (--user NAME)", runImportMemberIMDb},
	{"export letterboxd", "OUT.zip", "write a member's data as a Letterboxd export ZIP (--user NAME)", runExportLetterboxd},
	{"export imdb", "OUT.csv", "write a member's ratings (or --watchlist) as IMDb's CSV (--user NAME)", runExportIMDb},
	{"export article", "SLUG", "print a film's dossier as text, markdown, html or json", runExportArticle},
	{"lint article", "FILE...", "report what an editor would flag in film articles", runLintArticle},
	{"user add", "NAME", "create an account (password from the terminal, or the first line of stdin)", runUserAdd},
	{"user list", "", "list the accounts", runUserList},
	{"user role", "NAME ROLE", "change an account's role (member, editor, admin); signs its sessions out", runUserRole},
	{"user disable", "NAME", "disable an account (--enable to undo); signs its sessions out", runUserDisable},
	{"user reset", "NAME", "print a one-time password reset link for an account", runUserReset},
	{"invite create", "", "print a single-use sign-up link", runInviteCreate},
	{"signup", "[open|invite|closed]", "show or set who may sign up", runSignup},
	{"audit", "", "print the audit log of every write, newest first", runAudit},
	{"backup", "FILE", "write a consistent snapshot of the SQLite database while serve runs", runBackup},
	{"restore", "FILE", "replace the SQLite database's contents with a backup", runRestore},
	{"migrate-store", "", "copy a whole catalog between databases (SQLite ↔ PostgreSQL), verified per table", runMigrateStore},
	{"dev gen-imdb", "DIR", "write deterministic IMDb-format files for benchmarks and tests", runDevGenIMDb},
	{"dev gen-movielens", "DIR", "write a MovieLens-100K-shaped ratings set with a known latent structure", runDevGenMovieLens},
	{"version", "", "print the version", runVersion},
}

// cmdContext is what a running command gets: its streams, its parsed
// configuration and flags, and its positional arguments.
type cmdContext struct {
	IO
	cfg   config.Config
	flags *flag.FlagSet
	args  []string // positional arguments after flags
	raw   []string // everything after the command name
	json  bool
	cmd   *command
}

// argsAfterName returns the words after the command's name, for parse.
func (c *cmdContext) argsAfterName() []string { return c.raw }

// errUsage marks an error caused by how the command was called.
var errUsage = errors.New("usage")

// usageError reports a bad call; Main prints the command's usage after it.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errUsage}, args...)...)
}

// Main runs the command named by args and returns the process exit code:
// 0 on success, 1 on failure, 2 on a usage error.
func Main(ctx context.Context, args []string, io IO) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printHelp(io.Out)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, rest := lookup(args)
	if cmd == nil {
		if code, ok := runGroup(args, io.Out, io.Err); ok {
			return code
		}
		fmt.Fprintf(io.Err, "marquee: unknown command %q; run 'marquee --help' for the list\n", strings.Join(args[:min(2, len(args))], " "))
		return 2
	}
	c := &cmdContext{IO: io, cfg: config.Defaults(), cmd: cmd, raw: rest}
	c.cfg.FromEnv(io.Getenv)
	c.flags = flag.NewFlagSet("marquee "+cmd.name, flag.ContinueOnError)
	c.flags.SetOutput(io.Err)
	c.flags.Usage = func() { printCommandHelp(c) }
	ctx = store.WithWaitNotice(ctx, func(msg string) { fmt.Fprintln(io.Err, "marquee: "+msg) })
	err := cmd.run(ctx, c)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(io.Err, "marquee %s: %v\n", cmd.name, strings.TrimPrefix(err.Error(), "usage: "))
		fmt.Fprintf(io.Err, "run 'marquee %s --help' for usage\n", cmd.name)
		return 2
	default:
		fmt.Fprintf(io.Err, "marquee %s: %v\n", cmd.name, err)
		return 1
	}
}

// parse parses the command's flags (registered by the caller on c.flags,
// plus --db and, when withJSON, --json) and keeps the positional args.
// Flags come before arguments.
func (c *cmdContext) parse(args []string, withDB, withJSON bool) error {
	if withDB {
		c.cfg.BindDB(c.flags)
	}
	if withJSON {
		c.flags.BoolVar(&c.json, "json", false, "print machine-readable JSON")
	}
	if err := c.flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError("%v", err)
	}
	c.args = c.flags.Args()
	for _, a := range c.args {
		if strings.HasPrefix(a, "--") && len(a) > 2 {
			return usageError("flag %s must come before the arguments", a)
		}
	}
	return c.cfg.Validate()
}

// lookup finds the command named by the first one or two words of args.
func lookup(args []string) (*command, []string) {
	if len(args) >= 2 {
		for i := range commands {
			if commands[i].name == args[0]+" "+args[1] {
				return &commands[i], args[2:]
			}
		}
	}
	for i := range commands {
		if commands[i].name == args[0] {
			return &commands[i], args[1:]
		}
	}
	return nil, nil
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "Marquee — a self-hosted film encyclopedia.")
	fmt.Fprintln(w, "\nUsage: marquee COMMAND [flags] [arguments]")
	fmt.Fprintln(w, "\nCommands:")
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, c := range commands {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --help. The database comes from --db or MARQUEE_DB (default ./marquee.db).")
}

func printCommandHelp(c *cmdContext) {
	w := c.Err
	fmt.Fprintf(w, "Usage: marquee %s [flags] %s\n\n%s.\n\nFlags:\n", c.cmd.name, c.cmd.args, capitalize(c.cmd.summary))
	c.flags.PrintDefaults()
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
