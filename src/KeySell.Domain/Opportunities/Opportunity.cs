using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Common;
using KeySell.Domain.Objections;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Strengths;

namespace KeySell.Domain.Opportunities;

/// <summary>One big deal at one account, with its single sales objective and its strategy sheet.</summary>
public class Opportunity : AuditedEntity, IRecyclable, IExternallyKnown
{
    public const int NameMaxLength = 200;

    public Guid AccountId { get; set; }
    public Account? Account { get; set; }
    public string Name { get; set; } = "";
    public SalesObjective Objective { get; set; } = new();
    public Engagement? Engagement { get; set; }
    public FunnelLevel FunnelLevel { get; set; } = FunnelLevel.Above;
    public ExpectedOutcome? ExpectedOutcome { get; set; }
    public Guid? OwnerId { get; set; }
    public Colleague? Owner { get; set; }

    public List<BuyingInfluence> Influences { get; set; } = [];
    public List<Strength> Strengths { get; set; } = [];
    public List<ManualRedFlag> RedFlags { get; set; } = [];
    public List<Objection> Objections { get; set; } = [];
    public List<OpportunityShare> Shares { get; set; } = [];

    public string? ExternalSource { get; set; }
    public string? ExternalId { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
}
