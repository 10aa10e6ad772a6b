using KeySell.Domain.Common;

namespace KeySell.Domain.Objections;

/// <summary>An objection (反对意见) and who raised it, tracked until resolved.</summary>
public class Objection : IDealPart
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public int Position { get; set; }
    /// <summary>The sheet key of the influence who raised it, or null when unknown.</summary>
    public string? FromKey { get; set; }
    public string Text { get; set; } = "";
    public ObjectionStatus Status { get; set; } = ObjectionStatus.Open;
    /// <summary>The handling steps taken, as their ids (<c>listened</c>, <c>confirmed</c>…), in the method's order.</summary>
    public List<string> Steps { get; set; } = [];
    /// <summary>The evidence the answer used.</summary>
    public ObjectionAnswer? Answer { get; set; }
}

public enum ObjectionStatus
{
    Open = 0,
    Deferred = 1,
    Resolved = 2,
}

/// <summary>Handling an objection (METHODOLOGY §12), in the method's order.</summary>
public enum ObjectionStep
{
    Listened = 0,
    Confirmed = 1,
    Restated = 2,
    Answered = 3,
}

/// <summary>What an answer rested on: the course answers with cases and third-party data, not praise of the product.</summary>
public enum ObjectionAnswer
{
    Case = 0,
    ThirdPartyData = 1,
    ProductClaim = 2,
}
