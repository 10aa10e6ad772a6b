using KeySell.Domain.Colleagues;
using KeySell.Domain.Common;
using KeySell.Domain.OrgCharts;

namespace KeySell.Domain.BuyingInfluences;

/// <summary>
/// One person's part in one opportunity, on the five dimensions of role matching (角色匹配)
/// plus response mode and win-results.
/// </summary>
public class BuyingInfluence : AuditedEntity, IDealPart
{
    public const int KeyMaxLength = 100;
    public const int WinResultMaxLength = 500;
    public const int MaxWinResults = 50;

    public Guid OpportunityId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>The influence's id in the strategy-sheet format, unique within the opportunity.</summary>
    public string Key { get; set; } = "";
    /// <summary>Position in the grid, so the sheet keeps the seller's order.</summary>
    public int Position { get; set; }

    public BuyingRoles Roles { get; set; }
    public InfluenceLevel Influence { get; set; } = InfluenceLevel.Unknown;
    /// <summary>−5…+5, or null when unknown.</summary>
    public int? Support { get; set; }
    public ContactLevel Contact { get; set; } = ContactLevel.Unknown;
    public ResponseMode Mode { get; set; } = ResponseMode.Unknown;
    public Guid? CounterpartId { get; set; }
    public Colleague? Counterpart { get; set; }
    /// <summary>Added to the deal, or role last changed.</summary>
    public DateOnly? Since { get; set; }
    public DateOnly? LastContact { get; set; }
    /// <summary>Personal wins (赢): what this person gains.</summary>
    public List<string> Wins { get; set; } = [];
    /// <summary>Business results (结果): what the company gains, measurably.</summary>
    public List<string> Results { get; set; } = [];
}
