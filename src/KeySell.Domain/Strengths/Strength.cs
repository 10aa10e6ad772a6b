using KeySell.Domain.Common;

namespace KeySell.Domain.Strengths;

/// <summary>A strength (小铃铛): what sets us apart, aimed at the red flags it works against.</summary>
public class Strength : IDealPart
{
    public const int TextMaxLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Red-flag ids (<c>coach-weak</c>, <c>manual</c>…) this strength addresses.</summary>
    public List<string> Addresses { get; set; } = [];
}
