namespace KeySell.Web.Api;

public static class ColleagueEndpoints
{
    public static void MapColleagueEndpoints(this RouteGroupBuilder api)
    {
    }
}
