namespace KeySell.Domain.Common;

/// <summary>
/// Every aggregate records who changed it and when, and carries a version that rises with each
/// save, so two sellers editing the same record never overwrite each other silently.
/// </summary>
public abstract class AuditedEntity
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }
}
