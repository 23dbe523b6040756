package cli

import (
	"context"
	"fmt"

	"marquee/internal/catalog"
	"marquee/internal/store"
)

func runImportBoxOffice(ctx context.Context, c *cmdContext) error {
	var f importFlags
	f.bind(c)
	mapping := c.flags.String("map", "", `field=column pairs naming the input's keys or columns, e.g. "title=Film,year=Year,budget=Budget,domestic=US Gross"; fields not named keep the Vega dataset's keys ("Title", "US Gross", …)`)
	years := c.flags.String("years", "", `plausible release years, e.g. "1900-2011"; default 1888 to next year`)
	twoDigit := c.flags.Int("two-digit-years", 0, `read a date's two-digit year ("18-Dec-09") in the hundred years from this one, e.g. 1921 ("21" is 1921, "20" is 2020); default: the one plausible century, else the one the catalog holds the title in`)
	if err := c.parse(c.raw, true, true); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usageError("import boxoffice takes one file: a JSON array of objects or a CSV with a header")
	}
	m, err := catalog.ParseBoxOfficeMap(*mapping)
	if err != nil {
		return usageError("--map: %v", err)
	}
	opts := catalog.BoxOfficeOptions{Map: m, TwoDigitFrom: *twoDigit}
	if *twoDigit != 0 && (*twoDigit < 1800 || *twoDigit > 2100) {
		return usageError("--two-digit-years %d: want a year, e.g. 1921", *twoDigit)
	}
	if *years != "" {
		if _, err := fmt.Sscanf(*years, "%d-%d", &opts.FirstYear, &opts.LastYear); err != nil || opts.FirstYear > opts.LastYear {
			return usageError("--years %q: want FIRST-LAST, e.g. 1900-2011", *years)
		}
	}
	return runImport(ctx, c, f, func(ctx context.Context, st *store.Store, o catalog.Options) (*catalog.Summary, error) {
		opts.Options = o
		return catalog.ImportBoxOffice(ctx, st, c.args[0], opts)
	})
}
