using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

/// <summary>Creates accounts, departments, people and colleagues the way a client does: through the API.</summary>
internal static class OrgArrange
{
    public static Task<JsonObject> CreateAccountAsync(this HttpClient client, object body) => client.PostCreatedAsync("/api/accounts", body);

    public static Task<JsonObject> CreateAccountAsync(this HttpClient client, string name) => client.CreateAccountAsync(new { name });

    public static Task<JsonObject> CreateDepartmentAsync(this HttpClient client, Guid accountId, string name, Guid? parentDepartmentId = null) =>
        client.PostCreatedAsync($"/api/accounts/{accountId}/departments", new { name, parentDepartmentId });

    public static Task<JsonObject> CreatePersonAsync(this HttpClient client, object body) => client.PostCreatedAsync("/api/people", body);

    public static Task<JsonObject> CreateColleagueAsync(this HttpClient client, object body) => client.PostCreatedAsync("/api/colleagues", body);

    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadObjectAsync();
    }

    public static string Text(this JsonNode node, string property) => node[property]!.GetValue<string>();

    public static IEnumerable<string> Names(this JsonNode? array) => array!.AsArray().Select(i => i!["name"]!.GetValue<string>());

    public static async Task<JsonObject> PostCreatedAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadObjectAsync();
    }
}
