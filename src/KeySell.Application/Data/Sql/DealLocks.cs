using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Data.Sql;

/// <summary>
/// PostgreSQL: a save that re-judges deals first locks their rows (in id order), inside its transaction, until it
/// commits. Two saves of different parts of one deal (a call and a milestone, two influences) each replace the deal's
/// stored summary by delete-then-insert; without the lock both deletes find the old row, and the second insert
/// collides with the first one's new row (a unique violation, a 500). With it, the second save waits, then reads the
/// deal — and its summary — as the first one left it, so both land and the summary judges both changes. SQLite needs
/// none: it lets one writer in at a time already. <c>NO KEY UPDATE</c>, the lock a plain update of the deal takes: it
/// does not wait for the key-share locks that adding a row of the deal (a call, a milestone) holds on it, so two such
/// saves queue instead of deadlocking.
/// </summary>
internal static class DealLocks
{
    public static async Task TakeAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql() || ids.Count == 0) return;
        var sorted = ids.Order().ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""SELECT 1 FROM "Opportunities" WHERE "Id" = ANY({sorted}) ORDER BY "Id" FOR NO KEY UPDATE""", ct);
    }
}
