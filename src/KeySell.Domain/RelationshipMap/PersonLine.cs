using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;

namespace KeySell.Domain.RelationshipMap;

/// <summary>
/// Informal influence between two people of an account, kept by the account rather than by a deal: <see cref="FromPersonId"/>
/// listens to <see cref="ToPersonId"/>. A deal's own lines are <see cref="InfluenceLine"/>; these are the ones between people on
/// no deal (yet), drawn on the account's relationship map.
/// </summary>
public class PersonLine : AuditedEntity
{
    public const int NoteMaxLength = InfluenceLine.NoteMaxLength;
    /// <summary>Lines per account: an org chart of thousands with more lines than this would be noise on the map.</summary>
    public const int MaxPerAccount = 2000;

    public Guid AccountId { get; set; }
    public Guid FromPersonId { get; set; }
    public Guid ToPersonId { get; set; }
    public LineStrength Strength { get; set; } = LineStrength.Medium;
    public string? Note { get; set; }
}
