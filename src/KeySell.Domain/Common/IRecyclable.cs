namespace KeySell.Domain.Common;

/// <summary>
/// A record that a delete moves to the recycle bin instead of destroying: it disappears everywhere,
/// an admin can restore it for 30 days, and only then is it purged (its history stays).
/// </summary>
public interface IRecyclable
{
    DateTimeOffset? DeletedAt { get; set; }
    string? DeletedBy { get; set; }
}
