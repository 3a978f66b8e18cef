using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Bitrise.CodeSigning;

/// <summary>Registers the Bitrise code-signing client with a <see cref="IServiceCollection"/>.</summary>
public static class BitriseCodeSigningServiceCollectionExtensions
{
    private const string StoragePipelineName = "storage";

    /// <summary>
    /// Registers <see cref="ICodeSigningApiClient"/> as a typed client of <c>IHttpClientFactory</c> named
    /// <see cref="BitriseCodeSigningHttpClientNames.Api"/>, the storage client named
    /// <see cref="BitriseCodeSigningHttpClientNames.Storage"/>, and <see cref="ICodeSigningFiles"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The API client's <see cref="HttpClient.BaseAddress"/> is <see cref="BitriseCodeSigningOptions.BaseAddress"/>.
    /// It sends the access token, and uses the standard resilience handler with its defaults (a 10-second attempt
    /// timeout, a 30-second total timeout, 3 retries of transient failures that honour <c>Retry-After</c>), except
    /// that POST and PATCH are never retried: a retried create could make a second file. It reads the JSON body of a 2xx
    /// response to a GET (at most 4 MiB) inside each attempt, so a body that breaks off or stalls is retried too. Its
    /// options are named <c>{builder.Name}-standard</c>; configure them with <c>Configure&lt;HttpStandardResilienceOptions&gt;</c>. Its
    /// <see cref="HttpClient.Timeout"/> is infinite, so the resilience timeouts govern.
    /// </para>
    /// <para>
    /// Both clients raise <see cref="CodeSigningResponseException"/> for a request that gets no usable response, and
    /// wait at most <see cref="BitriseCodeSigningOptions.ResponseReadTimeout"/> (default 30 seconds) for data while a
    /// response body is read.
    /// </para>
    /// <para>
    /// The storage client sends the PUT of an upload and the download of a file to presigned URLs. It never sends the
    /// access token, its <see cref="HttpClient.Timeout"/> is infinite, and its resilience pipeline retries transient
    /// failures up to 3 times (exponential back-off from <see cref="BitriseCodeSigningOptions.StorageRetryDelay"/>,
    /// default 2 seconds, with jitter, or the delay of a <c>Retry-After</c> header) within the limits of
    /// <see cref="BitriseCodeSigningOptions.StorageAttemptTimeout"/> (default 10 minutes) and
    /// <see cref="BitriseCodeSigningOptions.StorageTotalTimeout"/> (default 30 minutes). A PUT whose source is a stream
    /// that cannot seek is never retried. Configure the client further with
    /// <c>services.AddHttpClient(BitriseCodeSigningHttpClientNames.Storage)</c>, for example to set its primary handler.
    /// </para>
    /// <para>
    /// The options are validated when the host starts, and a <see cref="TimeProvider"/> is registered unless one is.
    /// </para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see cref="BitriseCodeSigningOptions.AccessToken"/> is required.</param>
    /// <returns>The builder of the API client, to add handlers to it or to configure it further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IHttpClientBuilder AddBitriseCodeSigning(this IServiceCollection services, Action<BitriseCodeSigningOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<BitriseCodeSigningOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BitriseCodeSigningOptions>, BitriseCodeSigningOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<AccessTokenHandler>();
        services.TryAddTransient<TransportFailureHandler>();
        services.TryAddTransient<JsonBodyBufferingHandler>();
        services.TryAddTransient<StorageTransfer>();
        services.TryAddTransient<ICodeSigningFiles, CodeSigningFiles>();

        AddStorageClient(services);
        return AddApiClient(services);
    }

    private static IHttpClientBuilder AddApiClient(IServiceCollection services)
    {
        // The resilience pipeline's timeouts govern; a finite HttpClient.Timeout would also make the caller's
        // cancellation impossible to tell apart from a timeout in TransportFailureHandler.
        var builder = services
            .AddHttpClient<ICodeSigningApiClient, CodeSigningApiClient>(
                BitriseCodeSigningHttpClientNames.Api,
                static (client, _) => new CodeSigningApiClient(client))
            .ConfigureHttpClient(static (serviceProvider, client) =>
            {
                client.BaseAddress = serviceProvider.GetRequiredService<IOptions<BitriseCodeSigningOptions>>().Value.BaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<TransportFailureHandler>()
            .AddHttpMessageHandler<AccessTokenHandler>();

        // PUT and DELETE are idempotent, so they keep the default retries; DisableForUnsafeHttpMethods would drop them too.
        // DisableFor wraps the ShouldHandle set before it, so it must come second.
        builder.AddStandardResilienceHandler().Configure(static (options, serviceProvider) =>
        {
            options.Retry.ShouldHandle = static arguments => new(ShouldRetryApiRequest(arguments.Outcome));
            options.Retry.DisableFor(HttpMethod.Post, HttpMethod.Patch, HttpMethod.Connect);
            options.Retry.OnRetry = RetryLogger(serviceProvider);
        });

        // Added after the resilience handler, so it runs inside each attempt and a broken body is retried.
        builder.AddHttpMessageHandler<JsonBodyBufferingHandler>();
        return builder;
    }

    private static void AddStorageClient(IServiceCollection services)
    {
        services
            .AddHttpClient(BitriseCodeSigningHttpClientNames.Storage, static client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<TransportFailureHandler>()
            .AddResilienceHandler(StoragePipelineName, static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BitriseCodeSigningOptions>>().Value;

                pipeline
                    .AddTimeout(options.StorageTotalTimeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = 3,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.StorageRetryDelay,
                        ShouldHandle = static arguments => new(ShouldRetryStorageRequest(arguments.Outcome, arguments.Context)),
                        OnRetry = RetryLogger(context.ServiceProvider),
                    })
                    .AddTimeout(options.StorageAttemptTimeout);
            });
    }

    /// <summary>Returns the callback that logs each retry with the method, host, path, delay and the outcome that caused it.</summary>
    private static Func<OnRetryArguments<HttpResponseMessage>, ValueTask> RetryLogger(IServiceProvider serviceProvider)
    {
        var logger = (serviceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(BitriseCodeSigningServiceCollectionExtensions).FullName!);
        return arguments =>
        {
            var request = arguments.Context.GetRequestMessage();
            var target = request is null ? new RequestTarget("?", string.Empty, string.Empty, string.Empty) : RequestTarget.Of(request);
            var outcome = arguments.Outcome.Exception is { } exception
                ? exception.GetType().Name
                : $"status {(int)arguments.Outcome.Result!.StatusCode}";
            Log.RequestRetrying(logger, target.Method, target.Host, target.Path, arguments.RetryDelay.TotalMilliseconds, arguments.AttemptNumber + 1, outcome);
            return ValueTask.CompletedTask;
        };
    }

    /// <summary>
    /// Gets whether an API request is retried: after a transient failure, or a JSON body that broke off or stalled
    /// while <see cref="JsonBodyBufferingHandler"/> read it. The library's other exceptions derive from
    /// <see cref="HttpRequestException"/> too, but are not transient.
    /// </summary>
    private static bool ShouldRetryApiRequest(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        CodeSigningResponseException { Failure: CodeSigningResponseFailure.BodyInterrupted or CodeSigningResponseFailure.TimedOut } => true,
        CodeSigningApiException => false,
        _ => HttpClientResiliencePredicates.IsTransient(outcome),
    };

    private static bool ShouldRetryStorageRequest(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        // This library's own failures (a source of the wrong length) are not transient.
        if (outcome.Exception is CodeSigningStorageException || outcome.Exception?.InnerException is CodeSigningStorageException)
        {
            return false;
        }

        if (context.GetRequestMessage()?.Content is UploadContent { CanReplay: false })
        {
            return false;
        }

        return HttpClientResiliencePredicates.IsTransient(outcome);
    }
}
