namespace KeySell.Domain.Common;

/// <summary>
/// A record that belongs to one deal and is read and written with it: the access rules, the write check, the history
/// and the stored analysis treat every such record alike, so a new part of the sheet needs no line in each of them.
/// </summary>
public interface IDealPart
{
    Guid OpportunityId { get; }
}
