using KeySell.Domain.Common;

namespace KeySell.Domain.RedFlags;

/// <summary>A red flag (小红旗) the seller raised by hand, optionally about one influence.</summary>
public class ManualRedFlag : IDealPart
{
    public const int TextMaxLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The sheet key of the influence it concerns, or null for the whole deal.</summary>
    public string? InfluenceKey { get; set; }
}
