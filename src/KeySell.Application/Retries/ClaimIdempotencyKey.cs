using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Retries;

/// <summary>
/// Before a POST with an <c>Idempotency-Key</c> runs: either this request may go on (and holds the
/// key until it is answered), or it is a retry of one already answered, or it cannot be answered.
/// The unique (user, key) index decides between two servers claiming the same key at once.
/// </summary>
public static class ClaimIdempotencyKey
{
    public sealed record Command(string UserId, string Key, string Fingerprint);

    public enum Verdict
    {
        /// <summary>Run the request, then <see cref="AnswerIdempotentRequest"/> (or release the key if it failed).</summary>
        Proceed,
        /// <summary>Answered before: send <see cref="Outcome.Answer"/> again.</summary>
        Replay,
        /// <summary>The key was used for another request.</summary>
        Mismatch,
        /// <summary>The first attempt is still running.</summary>
        InFlight,
    }

    public sealed record Outcome(Verdict Verdict, Guid Id, IdempotentRequest? Answer);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            // Two rounds at most: a lost race to insert is decided by reading what the winner stored.
            for (var round = 0; ; round++)
            {
                var now = time.GetUtcNow();
                var existing = await db.IdempotentRequests.SingleOrDefaultAsync(r => r.UserId == command.UserId && r.Key == command.Key, cancellationToken);
                try
                {
                    if (existing is null)
                    {
                        var claimed = db.IdempotentRequests.Add(new IdempotentRequest
                        {
                            Id = Guid.NewGuid(), UserId = command.UserId, Key = command.Key, Fingerprint = command.Fingerprint, StartedAt = now,
                        }).Entity;
                        await db.SaveChangesAsync(cancellationToken);
                        return new Outcome(Verdict.Proceed, claimed.Id, null);
                    }
                    var expired = existing.StartedAt + IdempotentRequest.KeptFor <= now;
                    var abandoned = existing.Status is null && existing.StartedAt + IdempotentRequest.AbandonedAfter <= now;
                    if (!expired && existing.Fingerprint != command.Fingerprint) return new Outcome(Verdict.Mismatch, existing.Id, null);
                    if (!expired && !abandoned)
                        return existing.Status is null ? new Outcome(Verdict.InFlight, existing.Id, null) : new Outcome(Verdict.Replay, existing.Id, existing);

                    // Forgotten (older than 24 hours) or left by a server that died: this attempt takes the key. StartedAt
                    // is the concurrency token, so of two retries taking it over at once only one succeeds.
                    existing.Fingerprint = command.Fingerprint;
                    existing.StartedAt = now;
                    existing.Status = null;
                    existing.ContentType = existing.Location = existing.ETag = null;
                    existing.Body = null;
                    await db.SaveChangesAsync(cancellationToken);
                    return new Outcome(Verdict.Proceed, existing.Id, null);
                }
                catch (DbUpdateException) when (round == 0)
                {
                    db.ChangeTracker.Clear();
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    return new Outcome(Verdict.InFlight, existing?.Id ?? Guid.Empty, null);
                }
            }
        }
    }
}
