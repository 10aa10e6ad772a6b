using KeySell.Domain.Accounts;
using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Common;
using KeySell.Domain.Needs;
using KeySell.Domain.Objections;
using KeySell.Domain.Process;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Strengths;
using KeySell.Domain.Swot;

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
    /// <summary>The day the deal was set up: people mapped within two weeks of it are not new players.</summary>
    public DateOnly? CreatedOn { get; set; }
    public Colleague? Owner { get; set; }

    public List<BuyingInfluence> Influences { get; set; } = [];
    public List<Strength> Strengths { get; set; } = [];
    public List<ManualRedFlag> RedFlags { get; set; } = [];
    public List<Objection> Objections { get; set; } = [];
    public List<OpportunityShare> Shares { get; set; } = [];
    public List<ProcessMilestone> Milestones { get; set; } = [];
    public List<Call> Calls { get; set; } = [];
    public List<SellingAction> Actions { get; set; } = [];
    public NeedsAnalysis? Needs { get; set; }
    public List<NeedNode> NeedNodes { get; set; } = [];
    public SwotAnalysis? Swot { get; set; }
    public List<InfluenceLine> InfluenceLines { get; set; } = [];

    public string? ExternalSource { get; set; }
    public string? ExternalId { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
}
