using KeySell.Domain.Common;

namespace KeySell.Domain.BuyingInfluences;

/// <summary>
/// Informal influence between two people of one deal, outside the reporting lines: <see cref="FromKey"/> listens to
/// <see cref="ToKey"/> (both sheet keys of the deal's influences).
/// </summary>
public class InfluenceLine : AuditedEntity, IDealPart
{
    public const int NoteMaxLength = 4000;

    public Guid OpportunityId { get; set; }
    public int Position { get; set; }
    public string FromKey { get; set; } = "";
    public string ToKey { get; set; } = "";
    public LineStrength Strength { get; set; } = LineStrength.Medium;
    public string? Note { get; set; }
}

public enum LineStrength
{
    Weak = 0,
    Medium = 1,
    Strong = 2,
}
