namespace KeySell.Web.Api;

public static class BuyingInfluenceEndpoints
{
    public static void MapBuyingInfluenceEndpoints(this RouteGroupBuilder api)
    {
    }
}
