using KeySell.Domain.Common;

namespace KeySell.Domain.Swot;

/// <summary>SWOT for pre-call research: of one opportunity, or of one account (exactly one of the two is set).</summary>
public class SwotAnalysis : AuditedEntity
{
    public const int TextMaxLength = 4000;
    public const int MaxItems = 100;

    public Guid? OpportunityId { get; set; }
    public Guid? AccountId { get; set; }
    public List<string> Strengths { get; set; } = [];
    public List<string> Weaknesses { get; set; } = [];
    public List<string> Opportunities { get; set; } = [];
    public List<string> Threats { get; set; } = [];
}
