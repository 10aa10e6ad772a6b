using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Retries;

/// <summary>Forgets keys older than <see cref="IdempotentRequest.KeptFor"/>, with their stored answers.</summary>
public static class PurgeIdempotencyKeys
{
    public sealed record Command;

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        private const int Batch = 500;

        public async Task<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var before = time.GetUtcNow() - IdempotentRequest.KeptFor;
            var purged = 0;
            while (true)
            {
                // Ids only, then deleted through the normal save: the stored answers are never loaded.
                var ids = await db.IdempotentRequests.Where(r => r.StartedAt < before).Select(r => new { r.Id, r.StartedAt }).Take(Batch).ToListAsync(cancellationToken);
                if (ids.Count == 0) return purged;
                // StartedAt is the concurrency token: a key a retry took over meanwhile is not deleted.
                foreach (var id in ids) db.IdempotentRequests.Remove(new IdempotentRequest { Id = id.Id, StartedAt = id.StartedAt });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another server purged (or a retry took over) some of these first; the next round sees what is left.
                }
                db.ChangeTracker.Clear();
                purged += ids.Count;
                if (ids.Count < Batch) return purged;
            }
        }
    }
}
