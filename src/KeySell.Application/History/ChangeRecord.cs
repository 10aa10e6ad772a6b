namespace KeySell.Application.History;

/// <summary>
/// One line of the append-only history: who changed what, when, from which value to which.
/// <see cref="Old"/> and <see cref="New"/> are JSON; for a whole-record action (<c>created</c>,
/// <c>deleted</c>, <c>restored</c>) <see cref="Field"/> is null and the value is the whole record.
/// The scope columns say whose history the line belongs to, so a deal's or a person's history is
/// one indexed read.
/// </summary>
public sealed class ChangeRecord
{
    public const int FieldMaxLength = 64;

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    /// <summary><c>opportunity</c>, <c>influence</c>, <c>account</c>, <c>person</c>… (see <see cref="ChangeHistory"/>).</summary>
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary><c>created</c>, <c>updated</c>, <c>deleted</c> or <c>restored</c>.</summary>
    public string Action { get; set; } = "";
    public string? Field { get; set; }
    public string? Old { get; set; }
    public string? New { get; set; }

    public Guid? OpportunityId { get; set; }
    public Guid? AccountId { get; set; }
    public Guid? PersonId { get; set; }
}

public static class ChangeActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string Restored = "restored";
}
