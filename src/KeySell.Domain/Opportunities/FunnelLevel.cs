namespace KeySell.Domain.Opportunities;

public enum FunnelLevel
{
    Universe = 0,
    Above = 1,
    In = 2,
    BestFew = 3,
    Won = 4,
    Lost = 5,
}
