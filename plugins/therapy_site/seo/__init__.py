"""What search engines and social networks read besides the graph: sitemap dates, share images, feeds.

* :mod:`therapy_site.seo.lastmod`: each page's own modified date for the sitemap's ``<lastmod>``.
* :mod:`therapy_site.seo.hero_images`: share card (1200×630 JPEG) and Article images in 16:9, 4:3
  and 1:1 (1200 px wide) drawn with Pillow from a post's hero, named by content hash and cached.
* :mod:`therapy_site.seo.feeds`: RSS ``dc:creator`` and item images, JSON Feed ``image``, parsed
  and rewritten with lxml/json (never regex).
* :mod:`therapy_site.seo.plugin`: the thin MkDocs plugin ``therapy-site/seo`` doing the above.
"""
