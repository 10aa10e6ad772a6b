namespace KeySell.Web.Api;

public static class PersonEndpoints
{
    public static void MapPersonEndpoints(this RouteGroupBuilder api)
    {
    }
}
