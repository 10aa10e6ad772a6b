namespace KeySell.Domain.BuyingInfluences;

public enum ContactLevel
{
    Unknown = 0,
    None = 1,
    Occasional = 2,
    Frequent = 3,
}
