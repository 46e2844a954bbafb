using Microsoft.AspNetCore.Http;

namespace Valhalla.Packs.Kit;

/// <summary>Turns an <see cref="ApiProblem"/> thrown by a handler into a problem-details response naming the field.</summary>
public sealed class ApiProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiProblem problem) when (problem.Field is not null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [problem.Field] = [problem.Message] }, detail: problem.Message, title: problem.Title);
        }
        catch (ApiProblem problem)
        {
            return TypedResults.Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Message, extensions: problem.Extensions);
        }
    }
}
