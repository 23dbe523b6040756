package store

import (
	"context"
	"database/sql"
	"fmt"
)

// forgetWikiMember runs inside the deletion of account id. Either way the
// member's votes are withdrawn (theory scores recounted), their thread
// follows end and their name leaves the dossier history (the revisions
// stay, so history stays whole). With remove (the member chose to take
// their content with them) their theories go, with their comment threads,
// and their comments go too — except those others replied to, which keep
// their place emptied, so the replies keep their context.
func forgetWikiMember(ctx context.Context, tx *sql.Tx, id int64, remove bool) error {
	rows, err := tx.QueryContext(ctx, "SELECT theory_id FROM theory_votes WHERE user_id = $1", id)
	if err != nil {
		return fmt.Errorf("votes of user %d: %w", id, err)
	}
	var voted []int64
	for rows.Next() {
		var t int64
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		voted = append(voted, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	steps := []string{
		`DELETE FROM theory_votes WHERE user_id = $1`,
		`DELETE FROM thread_follows WHERE user_id = $1`,
		`UPDATE dossier_revisions SET author = '' WHERE user_id = $1`,
	}
	if remove {
		steps = append(steps,
			`DELETE FROM theories WHERE user_id = $1`,
			`UPDATE comments SET body = '', hidden = 1, hidden_reason = 'removed with its author''s account', user_id = NULL
				WHERE user_id = $1 AND EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = comments.id)`,
			`DELETE FROM comments WHERE user_id = $1`,
		)
	}
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return fmt.Errorf("forget user %d: %w", id, err)
		}
	}
	if remove {
		if _, err := tx.ExecContext(ctx, `UPDATE threads SET replies = (SELECT COUNT(*) FROM comments c WHERE c.thread_id = threads.id)
			- CASE WHEN threads.scope = 'theory' OR NOT EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = threads.id) THEN 0 ELSE 1 END`); err != nil {
			return fmt.Errorf("recount replies: %w", err)
		}
	}
	return RecountVotesOf(ctx, tx, voted)
}
