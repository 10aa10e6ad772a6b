namespace KeySell.Web.Api;

public static class StrategySheetEndpoints
{
    public static void MapStrategySheetEndpoints(this RouteGroupBuilder api)
    {
    }
}
