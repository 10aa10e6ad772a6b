using KeySell.Application.History;
using KeySell.Application.Retries;
using KeySell.Domain.Common;
using KeySell.Domain.Funnel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KeySell.Application.Data;

/// <summary>
/// SQLite cannot compare or order DateTimeOffset text, yet the history is read "since" an instant
/// the recycle bin and the idempotency keys are purged "before" one. These moments are stored there as UTC ticks, which
/// compare as numbers; PostgreSQL keeps its timestamptz.
/// </summary>
internal static class SqliteMoments
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<ChangeRecord>().Property(c => c.At).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Entity<IdempotentRequest>().Property(r => r.StartedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        // Jobs are listed newest first.
        builder.Entity<KeySell.Domain.Imports.ImportJob>().Property(j => j.CreatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        // Win rates and the typical won deal read the funnel's moves "in the last 365 days".
        builder.Entity<FunnelChange>().Property(c => c.At).HasConversion(new DateTimeOffsetToBinaryConverter());
        // The team review counts a deal's history lines after its latest review.
        builder.Entity<KeySell.Domain.Reviews.Review>().Property(r => r.At).HasConversion(new DateTimeOffsetToBinaryConverter());
        // Progress is read over time and a drill's answers of today since midnight.
        builder.Entity<KeySell.Domain.Learning.LearningResult>().Property(r => r.TakenAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IRecyclable).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(IRecyclable.DeletedAt)).HasConversion(new DateTimeOffsetToBinaryConverter());
    }
}
