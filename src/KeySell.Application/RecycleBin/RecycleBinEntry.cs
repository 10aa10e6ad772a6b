using KeySell.Application.Data;
using KeySell.Domain.Common;

namespace KeySell.Application.RecycleBin;

/// <summary>A deleted account, person or opportunity, with who deleted it, when, and when it will be purged.</summary>
public sealed record RecycleBinEntry(string Entity, Guid Id, string Name, string? AccountName, DateTimeOffset DeletedAt, string DeletedBy, DateTimeOffset PurgeAfter);

public static class RecycleBinRules
{
    /// <summary>How long a deleted record can be restored before it is purged for good (its history stays).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public const string Account = "account";
    public const string Person = "person";
    public const string Opportunity = "opportunity";

    /// <summary>A delete: the record leaves every list and search, and waits in the bin.</summary>
    public static void MoveToRecycleBin(this AppDbContext db, IRecyclable record)
    {
        record.DeletedAt = db.Time.GetUtcNow();
        record.DeletedBy = db.Caller.Name;
    }
}
