namespace KeySell.Web.Api;

public static class OpportunityEndpoints
{
    public static void MapOpportunityEndpoints(this RouteGroupBuilder api)
    {
    }
}
