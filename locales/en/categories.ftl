# The 11 support categories (nội dung khuyến công), numbered as in the
# decree; ids from src/domain/support-categories.ts. `-short` is the
# label of its button (at most 26 characters, with its number 30).

## Support categories

category-training = Vocational training and skills
category-training-description = Support for classes that teach or pass on a trade to workers at the establishment.
category-training-short = Training
category-management = Management capacity, starting a business
category-management-description = Training in management and in starting a business for owners.
category-management-short = Management
category-demonstration-model = Technical demonstration model
category-demonstration-model-description = Support to set up a new way of producing at an establishment that others can come and learn from.
category-demonstration-model-short = Demonstration model
category-machinery = Advanced machinery, technology transfer
category-machinery-description = Part of the cost of advanced machines and equipment, or of taking over a technology for production.
category-machinery-short = Machinery, technology
category-typical-products = Typical rural industrial products
category-typical-products-description = Taking part in the selection of typical rural industrial products and developing the winning products.
category-typical-products-short = Typical products
category-fairs-showrooms = Fairs, exhibitions, showrooms
category-fairs-showrooms-description = Support for a booth at a fair or exhibition, or for a showroom for the products.
category-fairs-showrooms-short = Fairs, exhibitions
category-design-trademark = Design, packaging, trademarks
category-design-trademark-description = Support to design products and packaging and to register a trademark.
category-design-trademark-short = Design, trademarks
category-consulting = Consulting
category-consulting-description = Advice on investment projects, production management and e-commerce sites.
category-consulting-short = Consulting
category-cleaner-production = Cleaner production, energy saving
category-cleaner-production-description = Support to produce more cleanly, pollute less and save electricity and fuel.
category-cleaner-production-short = Cleaner production
category-industrial-clusters = Industrial clusters: planning, infrastructure
category-industrial-clusters-description = Support for planning and building the infrastructure of industrial clusters.
category-industrial-clusters-short = Industrial clusters
category-information = Information and media
category-information-description = Spreading information about industrial promotion and model establishments.
category-information-short = Information, media
