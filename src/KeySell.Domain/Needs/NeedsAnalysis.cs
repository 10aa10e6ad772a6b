using KeySell.Domain.Common;

namespace KeySell.Domain.Needs;

/// <summary>
/// A deal's needs-analysis tree (客户需求分析, METHODOLOGY §11): from the customer's current state, down through the
/// company's layers, to what of ours solves each leaf. Its presence means the tree has been started; its version
/// guards the whole tree, which is saved as one.
/// </summary>
public class NeedsAnalysis : AuditedEntity, IDealPart
{
    public const int TextMaxLength = 4000;
    public const int MaxNodes = 500;
    public const int MaxDepth = 6;

    public Guid OpportunityId { get; set; }
    public string? CurrentState { get; set; }
}

/// <summary>One problem in the tree; a first-level node names its layer, a leaf should name what of ours solves it.</summary>
public class NeedNode : IDealPart
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>Position among its siblings.</summary>
    public int Position { get; set; }
    /// <summary>Only on first-level nodes.</summary>
    public NeedLayer? Layer { get; set; }
    public string Problem { get; set; } = "";
    public string? Solution { get; set; }
}

/// <summary>The company's layers a big problem is broken down through.</summary>
public enum NeedLayer
{
    Finance = 0,
    Customers = 1,
    Marketing = 2,
    Process = 3,
    Management = 4,
}
