package catalog

import (
	"errors"
	"fmt"
	"os"

	"marquee/internal/media"
)

// pictureCache prepares each picture file once per import (a poster may
// serve several NFOs in one folder) and remembers refusals.
type pictureCache struct {
	done map[string]*media.Prepared // path → image; nil when refused
}

func newPictureCache() *pictureCache {
	return &pictureCache{done: map[string]*media.Prepared{}}
}

// get returns the prepared image at path, or nil when it was refused (the
// refusal is counted and named once).
func (c *pictureCache) get(l *nfoLoad, path string, _ nfoEntry) *media.Prepared {
	if img, ok := c.done[path]; ok {
		return img
	}
	img, err := preparePicture(path)
	if st, serr := os.Stat(path); serr == nil {
		l.bytes += st.Size()
	}
	if err != nil {
		l.sum.Images.refuse(relSlash(l.sum.Dir, path), err)
	}
	c.done[path] = img
	return img
}

// preparePicture reads and prepares one picture file, refusing a file
// over the size limit before reading it.
func preparePicture(path string) (*media.Prepared, error) {
	if st, err := os.Stat(path); err == nil && st.Size() > media.DefaultMaxBytes {
		return nil, &media.Error{Reason: media.ReasonTooLarge, Detail: fmt.Sprintf("%d bytes, the limit is %d", st.Size(), media.DefaultMaxBytes)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", errors.Unwrap(err))
	}
	return media.Prepare(data, media.Limits{})
}

func reasonAndDetail(err error) (string, string) {
	var me *media.Error
	if errors.As(err, &me) {
		return me.Reason, me.Detail
	}
	return "unreadable", err.Error()
}
