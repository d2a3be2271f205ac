using Swf.Exceptions;
using Swf.LocalEngine.State;
using Swf.Model;
using Swf.Validation;

namespace Swf.LocalEngine;

public sealed partial class LocalSwfEngine
{
    /// <inheritdoc/>
    public Task<RegisterDomainResponse> RegisterDomainAsync(RegisterDomainRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            if (_domains.ContainsKey(request.Name))
            {
                throw new DomainAlreadyExistsException($"Domain already exists: {request.Name}");
            }

            if (_domains.Count >= _options.MaxDomains)
            {
                throw new LimitExceededException($"Domain limit exceeded: an account may have {_options.MaxDomains} domains.");
            }

            var tags = MergeTags([], request.Tags);
            var domain = new DomainState
            {
                Undo = _undo,
                Name = request.Name,
                Description = request.Description,
                RetentionPeriodInDays = request.WorkflowExecutionRetentionPeriodInDays,
            };
            domain.SetTags(tags);
            _domains.Add(domain.Name, domain);
            _undo.Record(() => _domains.Remove(domain.Name));
            return new RegisterDomainResponse();
        });

    /// <inheritdoc/>
    public Task<DescribeDomainResponse> DescribeDomainAsync(DescribeDomainRequest request, CancellationToken cancellationToken = default) =>
        Read(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domain = GetDomain(request.Name);
            return new DescribeDomainResponse
            {
                DomainDetail = new DomainDetail
                {
                    DomainInfo = ToDomainInfo(domain),
                    Configuration = new DomainConfiguration { WorkflowExecutionRetentionPeriodInDays = domain.RetentionPeriodInDays },
                },
            };
        });

    /// <inheritdoc/>
    public Task<ListDomainsResponse> ListDomainsAsync(ListDomainsRequest request, CancellationToken cancellationToken = default) =>
        Read(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domains = _domains.Values.Where(d => d.Status == request.RegistrationStatus);
            var page = PageByKey(domains, d => d.Name, string.CompareOrdinal, "domains", request.NextPageToken, request.MaximumPageSize, request.ReverseOrder == true);
            return new ListDomainsResponse
            {
                DomainInfos = new DomainInfos { Infos = [.. page.Items.Select(ToDomainInfo)], NextPageToken = page.NextPageToken },
            };
        });

    /// <inheritdoc/>
    public Task<DeprecateDomainResponse> DeprecateDomainAsync(DeprecateDomainRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domain = GetDomain(request.Name);
            if (domain.IsDeprecated)
            {
                throw new DomainDeprecatedException($"Domain is already deprecated: {request.Name}");
            }

            domain.Deprecate();
            return new DeprecateDomainResponse();
        });

    /// <inheritdoc/>
    public Task<UndeprecateDomainResponse> UndeprecateDomainAsync(UndeprecateDomainRequest request, CancellationToken cancellationToken = default) =>
        Mutate(request, SwfRequestValidator.ThrowIfInvalid, () =>
        {
            var domain = GetDomain(request.Name);
            if (!domain.IsDeprecated)
            {
                throw new DomainAlreadyExistsException($"Domain is already registered (not deprecated): {request.Name}");
            }

            domain.Undeprecate();
            return new UndeprecateDomainResponse();
        });

    private DomainInfo ToDomainInfo(DomainState domain) => new()
    {
        Name = domain.Name,
        Status = domain.Status,
        Description = domain.Description,
        Arn = DomainArn(domain.Name),
    };

    private string DomainArn(string name) => $"arn:aws:swf:{_options.Region}:{_options.AccountId}:/domain/{name}";
}
