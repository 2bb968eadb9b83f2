using System.Net;
using Microsoft.Bot.Schema;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OfficeBot.Web.Proactive;

/// <summary>
/// How calls to the Teams connector are retried within one attempt of the outbox (or one reply in a turn): transient
/// answers (412, 429, 500, 502, 503, 504), transport failures and timeouts are retried with jittered exponential
/// backoff, honouring <c>Retry-After</c>. A wait longer than the pipeline will sit through is left to the outbox, which
/// retries the item later without holding a worker.
/// </summary>
public sealed partial class ConnectorResilience
{
    /// <summary>The longest Retry-After the pipeline waits for itself.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(10);

    public ConnectorResilience(ILogger<ConnectorResilience> logger)
    {
        Pipeline = new ResiliencePipelineBuilder
        {
            // Teams' seconds are real seconds, whatever clock the rest of the application is given.
            TimeProvider = TimeProvider.System,
        }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<ErrorResponseException>(e => IsTransient(e) && !(RetryAfter(e) > MaxInlineWait))
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(400),
                MaxDelay = MaxInlineWait,
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ErrorResponseException e ? RetryAfter(e) : null),
                OnRetry = args =>
                {
                    LogRetry(logger, args.AttemptNumber + 1, (args.Outcome.Exception as ErrorResponseException)?.Response?.StatusCode is { } status ? (int)status : 0,
                        args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(TimeSpan.FromSeconds(15))
            .Build();
    }

    public ResiliencePipeline Pipeline { get; }

    public static bool IsTransient(ErrorResponseException e) =>
        e.Response?.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    public static bool IsGone(ErrorResponseException e) => e.Response?.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    /// <summary>The connector's Retry-After (seconds or an HTTP date), at most an hour.</summary>
    public static TimeSpan? RetryAfter(ErrorResponseException e)
    {
        if (e.Response?.Headers is not { } headers || !headers.TryGetValue("Retry-After", out var values) || values.FirstOrDefault() is not { } value)
        {
            return null;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 3600));
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromSeconds(Math.Clamp((at - TimeProvider.System.GetUtcNow()).TotalSeconds, 0, 3600))
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector call answered {StatusCode}; attempt {Attempt} in {DelayMs:F0} ms")]
    private static partial void LogRetry(ILogger logger, int attempt, int statusCode, double delayMs);
}
