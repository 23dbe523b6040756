package catalog

import (
	"context"
	"encoding/binary"
	"hash/maphash"
	"math"

	"marquee/internal/store"
)

// storedHashes are 64-bit hashes of what the catalog holds for the films
// and people an IMDb re-import may rewrite, indexed by row id (0: none,
// so never equal): a title.basics or name.basics row that hashes the same
// as its record changes nothing, is counted unchanged and is not written.
// Eight bytes a film or person, read only when the catalog holds any; a
// fresh import reads and hashes nothing.
type storedHashes struct {
	seed   maphash.Seed
	films  []uint64 // title, original title, year, runtime, type and genres
	rates  []uint64 // rating and votes
	people []uint64 // name, birth and death years, professions
}

// rowHash hashes one record's values as written.
type rowHash struct {
	h   maphash.Hash
	buf [8]byte
}

func (s *storedHashes) hasher() *rowHash {
	r := &rowHash{}
	r.h.SetSeed(s.seed)
	return r
}

func (r *rowHash) str(v string) *rowHash {
	_, _ = r.h.WriteString(v)
	_ = r.h.WriteByte(0)
	return r
}

func (r *rowHash) int(v int64) *rowHash {
	binary.LittleEndian.PutUint64(r.buf[:], uint64(v))
	_, _ = r.h.Write(r.buf[:])
	return r
}

// sum returns the hash and resets r for the next record. A hash is never
// 0, which stands for "no stored record".
func (r *rowHash) sum() uint64 {
	v := r.h.Sum64() | 1
	r.h.Reset()
	return v
}

// genreHash is one genre's share of a film's hash: genres are a set, so
// their hashes are added, in any order.
func (s *storedHashes) genreHash(g string) uint64 { return maphash.String(s.seed, g) }

func (s *storedHashes) filmHash(r *rowHash, title, orig string, year, runtime int64, typ string, genres uint64) uint64 {
	return r.str(title).str(orig).int(year).int(runtime).str(typ).int(int64(genres)).sum()
}

func (s *storedHashes) rateHash(r *rowHash, avg float64, votes int64) uint64 {
	return r.int(int64(math.Float64bits(avg))).int(votes).sum()
}

func (s *storedHashes) personHash(r *rowHash, name string, birth, death int64, profs string) uint64 {
	return r.str(name).int(birth).int(death).str(profs).sum()
}

func at(hs []uint64, id int64) uint64 {
	if id > 0 && id < int64(len(hs)) {
		return hs[id]
	}
	return 0
}

// loadStoredHashes hashes the films and people with an IMDb id the
// catalog holds (rows below l.next), as the IMDb import writes them.
func (l *imdbLoad) loadStoredHashes(ctx context.Context) error {
	s := &l.stored
	s.seed = maphash.MakeSeed()
	r := s.hasher()
	if l.next.film > 1 {
		// A film's genres are a set: their hashes are summed into its own.
		genres := make([]uint64, l.next.film)
		err := store.BulkFilmGenres(ctx, l.db, func(id int64, genre string) {
			if id > 0 && id < int64(len(genres)) {
				genres[id] += s.genreHash(genre)
			}
		})
		if err != nil {
			return err
		}
		s.films, s.rates = make([]uint64, l.next.film), make([]uint64, l.next.film)
		err = store.BulkIMDbFilms(ctx, l.db, func(f store.BulkIMDbFilm) {
			s.films[f.ID] = s.filmHash(r, f.Title, f.OriginalTitle, f.Year, f.RuntimeMin, f.TitleType, genres[f.ID])
			s.rates[f.ID] = s.rateHash(r, f.RatingAvg, f.RatingVotes)
		})
		if err != nil {
			return err
		}
	}
	if l.next.person > 1 {
		s.people = make([]uint64, l.next.person)
		return store.BulkIMDbPeople(ctx, l.db, func(id int64, name string, birth, death int64, professions string) {
			s.people[id] = s.personHash(r, name, birth, death, professions)
		})
	}
	return nil
}
