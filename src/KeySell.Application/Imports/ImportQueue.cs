using KeySell.Application.Data;
using KeySell.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Imports;

/// <summary>What the background worker needs of the queue; it acts as the operator here and as each job's user when running it.</summary>
public static class ImportQueue
{
    /// <summary>The oldest queued job and who started it.</summary>
    public static async Task<(Guid Id, string? UserId)?> NextAsync(AppDbContext db, CancellationToken ct)
    {
        var next = await db.ImportJobs.AsNoTracking().Where(j => j.State == ImportState.Queued)
            .OrderBy(j => j.CreatedAt).Select(j => new { j.Id, j.UserId }).FirstOrDefaultAsync(ct);
        return next is null ? null : (next.Id, next.UserId);
    }

    /// <summary>
    /// Jobs a stopped server left running are marked failed with how far they got: importing the file
    /// again is safe (nothing already in changes) and finishes the rest. Run once at start-up.
    /// </summary>
    public static async Task<int> FailInterruptedAsync(AppDbContext db, TimeSpan quietFor, CancellationToken ct)
    {
        // A running job saves its progress with every batch (about a second apart); one quiet for longer
        // was left by a stopped server, not by another server still at work. Few run at once, so this
        // filters in memory (SQLite cannot compare moments).
        var now = db.Time.GetUtcNow();
        var running = (await db.ImportJobs.Where(j => j.State == ImportState.Running).ToListAsync(ct))
            .Where(j => now - j.UpdatedAt > quietFor).ToList();
        foreach (var job in running)
        {
            job.State = ImportState.Failed;
            job.FinishedAt = db.Time.GetUtcNow();
            job.Message = Resources.Messages.Format("Imports.Interrupted", job.RowsRead);
        }
        if (running.Count > 0) await db.SaveChangesAsync(ct);
        return running.Count;
    }
}
