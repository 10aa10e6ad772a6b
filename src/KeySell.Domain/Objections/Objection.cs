namespace KeySell.Domain.Objections;

/// <summary>An objection (反对意见) and who raised it, tracked until resolved.</summary>
public class Objection
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public int Position { get; set; }
    /// <summary>The sheet key of the influence who raised it, or null when unknown.</summary>
    public string? FromKey { get; set; }
    public string Text { get; set; } = "";
    public ObjectionStatus Status { get; set; } = ObjectionStatus.Open;
}

public enum ObjectionStatus
{
    Open = 0,
    Deferred = 1,
    Resolved = 2,
}
