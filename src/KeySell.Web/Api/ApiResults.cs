using KeySell.Application.Common;

namespace KeySell.Web.Api;

/// <summary>Turns a use case's refusal into the RFC 9457 problem document the API promises.</summary>
public static class ApiResults
{
    public static IResult ToProblem(this Error error) => error.Kind switch
    {
        ErrorKind.Validation => TypedResults.ValidationProblem(
            error.Fields.ToDictionary(f => f.Key, f => f.Value), detail: error.Message, title: "One or more fields are invalid."),
        ErrorKind.NotFound => TypedResults.Problem(statusCode: 404, title: "Not found.", detail: error.Message),
        ErrorKind.Conflict => TypedResults.Problem(statusCode: 409, title: "Conflict.", detail: error.Message),
        ErrorKind.Forbidden => TypedResults.Problem(statusCode: 403, title: "Forbidden.", detail: error.Message),
        _ => TypedResults.Problem(statusCode: 500),
    };

    public static IResult ToOk<T>(this Result<T> result) => result.Match(value => Results.Ok(value), ToProblem);

    public static IResult ToCreated<T>(this Result<T> result, Func<T, string> location) =>
        result.Match(value => Results.Created(location(value), value), ToProblem);

    public static IResult ToNoContent<T>(this Result<T> result) => result.Match(_ => Results.NoContent(), ToProblem);
}
