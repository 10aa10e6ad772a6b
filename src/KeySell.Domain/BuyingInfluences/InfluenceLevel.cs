namespace KeySell.Domain.BuyingInfluences;

public enum InfluenceLevel
{
    Unknown = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}
