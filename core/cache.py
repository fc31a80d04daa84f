"""The Redis cache backend, with the one answer changed that an outage gets wrong."""

from django_redis.cache import RedisCache as DjangoRedisCache
from django_redis.cache import omit_exception


class RedisCache(DjangoRedisCache):
    """django-redis, where `add` answers True while Redis is unreachable.

    With IGNORE_EXCEPTIONS every call answers None during an outage, which reads as "the key
    was already there" for `add`. Rate limits lock with `add` (allauth's, and ours count with
    it), so with Redis down allauth waited for a lock nobody held and refused every sign-in
    with a 429. Nobody can hold a key in a server that is down, so True is the honest answer:
    rate limits then let requests through (fail open) until Redis is back, while django-axes
    keeps counting failed sign-ins in the database and locks out as usual.
    """

    @omit_exception(return_value=True)
    def add(self, *args, **kwargs):
        return self.client.add(*args, **kwargs)
